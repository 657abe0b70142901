import type { ReactNode } from 'react';
import './fact-list.css';

export type Fact = [label: string, value: ReactNode];

/** Label–value pairs as a description list: read in order by screen readers, laid out as a grid. */
export function FactList({ facts, testId }: { facts: Fact[]; testId?: string }) {
  return (
    <dl className="reports-facts" data-testid={testId}>
      {facts.map(([label, value]) => (
        <div key={label} className="reports-facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
