/**
 * The "On the site" view of a lesson pack: a link to its page in each language on the configured
 * site (SANITY_STUDIO_SITE_URL). The site builds from published content, so a change shows there
 * after Publish and the rebuild it starts. Below them, for each language written but not yet
 * reviewed, a link to the same page on the review preview (SANITY_STUDIO_PREVIEW_URL, a dev server
 * with PREVIEW_UNREVIEWED=1), where a reviewer reads the translation in context.
 */
import type { SanityDocument } from 'sanity';
import { reviewPreviewUrl, siteUrl } from '../env.ts';
import { reviewPreviewUrls, sitePreviewUrls, type SitePreviewUrl } from './sitePreviewUrls.ts';

interface Props {
  readonly document: { readonly displayed: Partial<SanityDocument> };
}

function slugOf(document: Partial<SanityDocument>): string | undefined {
  const slug = document['slug'] as { current?: unknown } | undefined;
  return typeof slug?.current === 'string' ? slug.current : undefined;
}

function Links({ urls, label }: { readonly urls: readonly SitePreviewUrl[]; readonly label: string }) {
  return (
    <ul aria-label={label}>
      {urls.map(({ lang, label, url }) => (
        <li key={lang}>
          <a href={url} target="_blank" rel="noreferrer">
            {label}
          </a>{' '}
          <small>{url}</small>
        </li>
      ))}
    </ul>
  );
}

export function SitePreviewLinks({ document }: Props) {
  const urls = sitePreviewUrls(siteUrl, slugOf(document.displayed));
  const review = reviewPreviewUrls(reviewPreviewUrl, slugOf(document.displayed), document.displayed['translations']);
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
          <Links urls={urls} label="Trên trang web · on the site" />
          {review.length > 0 && (
            <>
              <h3>Duyệt trong trang (review in context)</h3>
              <p>
                Bản dịch chưa duyệt, trên bố cục thật của trang, dưới dải “chưa duyệt: bản xem trước”. Cần chạy{' '}
                <code>PREVIEW_UNREVIEWED=1 npm run dev</code> (SANITY_STUDIO_PREVIEW_URL); trang web công khai không bao
                giờ đăng các bản này. Unreviewed translations on the real page layout, from the preview server.
              </p>
              <Links urls={review} label="Duyệt trong trang · review in context" />
            </>
          )}
        </>
      )}
    </div>
  );
}
