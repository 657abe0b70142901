import type { ReactNode } from 'react';
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';

/** What a page shows before there is anything to show: what this is, and the one thing to do next. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card data-color="neutral" className="empty-state">
      <Heading level={2} data-size="sm">
        {title}
      </Heading>
      <Paragraph>{children}</Paragraph>
      {action && <div className="empty-state__action">{action}</div>}
    </Card>
  );
}
