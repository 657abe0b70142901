import { useState, type DragEvent, type ReactNode } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import './reports/reports.css';
import { droppedEntries, filesOfEntries } from './reports/read-dropped-folder';

/** What a drop zone says, already translated: its hint, while files are over it, the button, and a note. */
export interface FileDropZoneTexts {
  hint: string;
  active: string;
  pick: string;
  busy: string;
  note: string;
}

export interface FileDropZoneProps {
  onPick(): void;
  /**
   * Never called with no files, nor while busy. With `folders`, a dropped folder's files are read (all levels) and
   * `from.folder` says a folder was dropped; without it a folder is left out, as before.
   */
  onDropFiles(files: File[], from: { folder: boolean }): void;
  folders?: boolean;
  /** More ways in, beside the pick button (a folder picker). */
  children?: ReactNode;
  busy: boolean;
  texts: FileDropZoneTexts;
  testIds: { zone: string; pick: string };
}

/**
 * Where files come in: the native dialog (the button, reachable by keyboard) or files dragged onto the zone.
 * Only dropped files travel as bytes; picked files are read by main from their path.
 */
export function FileDropZone({ onPick, onDropFiles, busy, texts, testIds, folders, children }: FileDropZoneProps) {
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');

  return (
    <div
      className={`reports-dropzone${over ? ' reports-dropzone--over' : ''}`}
      data-testid={testIds.zone}
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
        if (busy) return;
        const entries = folders ? droppedEntries(e.dataTransfer) : null;
        if (entries?.some((entry) => entry.isDirectory)) {
          void filesOfEntries(entries).then(({ files, folder }) => files.length && onDropFiles(files, { folder }));
          return;
        }
        const files = [...e.dataTransfer.files];
        if (files.length) onDropFiles(files, { folder: false });
      }}
    >
      <Paragraph className="reports-dropzone__text">{over ? texts.active : texts.hint}</Paragraph>
      <Button onClick={onPick} loading={busy} disabled={busy} data-testid={testIds.pick}>
        {busy ? texts.busy : texts.pick}
      </Button>
      {children}
      <Paragraph data-size="sm" className="reports-dropzone__note">
        {texts.note}
      </Paragraph>
    </div>
  );
}
