import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../FileDropZone';

export interface ReportDropZoneProps {
  onPick(): void;
  /** Files dropped; `folder` when a folder was among them (its files at every level are included). */
  onDropFiles(files: File[], from: { folder: boolean }): void;
  /** The native dialog for folders: their reports are routed to the client each is for. */
  onPickFolder?(): void;
  busy: boolean;
}

/** Where reports come in: any number of report files, or folders of them, picked or dropped. */
export function ReportDropZone({ onPick, onDropFiles, onPickFolder, busy }: ReportDropZoneProps) {
  const { t } = useTranslation();
  return (
    <FileDropZone
      onPick={onPick}
      onDropFiles={onDropFiles}
      folders
      busy={busy}
      texts={{
        hint: t('reports.dropHint'),
        active: t('reports.dropActive'),
        pick: t('reports.pick'),
        busy: t('reports.checking'),
        note: t('reports.dropNote'),
      }}
      testIds={{ zone: 'drop-zone', pick: 'pick-files' }}
    >
      {onPickFolder && (
        <Button variant="secondary" onClick={onPickFolder} disabled={busy} data-testid="pick-folder">
          {t('reports.routing.pickFolder')}
        </Button>
      )}
    </FileDropZone>
  );
}
