/**
 * The "On the site" view of a lesson pack: a link to its page in each language on the configured
 * site (SANITY_STUDIO_SITE_URL). The site builds from published content, so a change shows there
 * after Publish and the rebuild it starts.
 */
import type { SanityDocument } from 'sanity';
import { siteUrl } from '../env.ts';
import { sitePreviewUrls } from './sitePreviewUrls.ts';

interface Props {
  readonly document: { readonly displayed: Partial<SanityDocument> };
}

function slugOf(document: Partial<SanityDocument>): string | undefined {
  const slug = document['slug'] as { current?: unknown } | undefined;
  return typeof slug?.current === 'string' ? slug.current : undefined;
}

export function SitePreviewLinks({ document }: Props) {
  const urls = sitePreviewUrls(siteUrl, slugOf(document.displayed));
  return (
    <div style={{ padding: '1.5rem', fontFamily: 'inherit', lineHeight: 1.6 }}>
      {urls.length === 0 ? (
        <p>Tạo địa chỉ (slug) trước để xem trang. Generate the slug first to get the page links.</p>
      ) : (
        <>
          <p>
            Trang của bài học trên web, theo từng ngôn ngữ. Thay đổi hiện ra sau khi xuất bản (Publish) và trang web
            được dựng lại.
          </p>
          <ul>
            {urls.map(({ lang, label, url }) => (
              <li key={lang}>
                <a href={url} target="_blank" rel="noreferrer">
                  {label}
                </a>{' '}
                <small>{url}</small>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
