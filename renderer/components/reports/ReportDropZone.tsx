import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../FileDropZone';

export interface ReportDropZoneProps {
  onPick(): void;
  onDropFiles(files: File[]): void;
  busy: boolean;
}

/** Where reports come in: any number of report files, picked or dropped. */
export function ReportDropZone({ onPick, onDropFiles, busy }: ReportDropZoneProps) {
  const { t } = useTranslation();
  return (
    <FileDropZone
      onPick={onPick}
      onDropFiles={onDropFiles}
      busy={busy}
      texts={{
        hint: t('reports.dropHint'),
        active: t('reports.dropActive'),
        pick: t('reports.pick'),
        busy: t('reports.checking'),
        note: t('reports.dropNote'),
      }}
      testIds={{ zone: 'drop-zone', pick: 'pick-files' }}
    />
  );
}
