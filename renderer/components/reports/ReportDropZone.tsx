import { useState, type DragEvent } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export interface ReportDropZoneProps {
  onPick(): void;
  onDropFiles(files: File[]): void;
  busy: boolean;
}

/**
 * Where reports come in: the native dialog (the button, reachable by keyboard) or files dragged onto the zone.
 * Only dropped files travel as bytes; picked files are read by main from their path.
 */
export function ReportDropZone({ onPick, onDropFiles, busy }: ReportDropZoneProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');

  return (
    <div
      className={`reports-dropzone${over ? ' reports-dropzone--over' : ''}`}
      data-testid="drop-zone"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = [...e.dataTransfer.files];
        if (files.length && !busy) onDropFiles(files);
      }}
    >
      <Paragraph className="reports-dropzone__text">{over ? t('reports.dropActive') : t('reports.dropHint')}</Paragraph>
      <Button onClick={onPick} loading={busy} disabled={busy} data-testid="pick-files">
        {busy ? t('reports.checking') : t('reports.pick')}
      </Button>
      <Paragraph data-size="sm" className="reports-dropzone__note">
        {t('reports.dropNote')}
      </Paragraph>
    </div>
  );
}
