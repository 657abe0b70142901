import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../FileDropZone';

export interface TredjepartFileInputProps {
  onPick(): void;
  onDropFile(file: File): void;
  busy: boolean;
}

/** One file for the chosen scheme, picked or dropped (of several dropped files, the first). */
export function TredjepartFileInput({ onPick, onDropFile, busy }: TredjepartFileInputProps) {
  const { t } = useTranslation();
  return (
    <FileDropZone
      onPick={onPick}
      onDropFiles={([file]) => {
        if (file) onDropFile(file);
      }}
      busy={busy}
      texts={{
        hint: t('tredjepart.dropHint'),
        active: t('tredjepart.dropActive'),
        pick: t('tredjepart.pick'),
        busy: t('tredjepart.checking'),
        note: t('tredjepart.fileNote'),
      }}
      testIds={{ zone: 'tredjepart-drop-zone', pick: 'tredjepart-pick' }}
    />
  );
}
