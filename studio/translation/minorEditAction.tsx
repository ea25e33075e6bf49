/**
 * "Publish as a minor edit": for a change of the Vietnamese that does not change its meaning
 * (spelling, punctuation). It publishes the draft and moves every language that was current
 * against the published text to the new text, so no translation turns outdated. Languages that
 * were already outdated stay so.
 */
import { useDocumentOperation, type DocumentActionComponent } from 'sanity';
import { minorEditHashes } from '../../src/content/sourceHash.ts';

export const publishMinorEdit: DocumentActionComponent = (props) => {
  const { patch, publish } = useDocumentOperation(props.id, props.type);
  const moved = props.draft && props.published ? minorEditHashes(props.published, props.draft) : {};
  const languages = Object.keys(moved);
  return {
    label: 'Xuất bản: sửa nhỏ · Publish as minor edit',
    title:
      languages.length > 0
        ? `Spelling or punctuation only: publishes and keeps ${languages.join(', ')} current (not outdated).`
        : 'Nothing reviewed would turn outdated: use Publish.',
    disabled: languages.length === 0 || Boolean(publish.disabled),
    onHandle: () => {
      patch.execute([
        { set: Object.fromEntries(languages.map((lang) => [`translations.${lang}.sourceHash`, moved[lang]])) },
      ]);
      publish.execute();
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- closes the action's dialog; Sanity names no replacement yet
      props.onComplete();
    },
  };
};
