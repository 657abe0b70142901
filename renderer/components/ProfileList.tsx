import { useState } from 'react';
import { Button, Heading, Paragraph, Search, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { companyMatcher } from './company-search';
import { useActivateProfile, useProfiles, useRemoveProfile } from '../bridge/queries';
import { ErrorMessage } from './ErrorMessage';
import { formatOrgNumber } from '../../shared/format';

/** Past this many profiles the list gets a search box and shows only the first matches (500 rows help no one). */
export const PROFILE_LIST_LIMIT = 25;

export function ProfileList() {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const activate = useActivateProfile();
  const remove = useRemoveProfile();
  const [search, setSearch] = useState('');
  const state = profiles.data;
  if (!state || state.profiles.length === 0) return null;
  const matches = companyMatcher(search);
  const found = state.profiles.filter((p) => matches(p.displayName, p.orgNumber));
  const shown = found.slice(0, PROFILE_LIST_LIMIT);
  const searchable = state.profiles.length > PROFILE_LIST_LIMIT;
  return (
    <section className="stack" aria-labelledby="profile-list-title">
      <Heading level={2} data-size="sm" id="profile-list-title">
        {t('profile.listTitle')}
      </Heading>
      {searchable && (
        <>
          <Search>
            <Search.Input
              aria-label={t('setupProfiles.search')}
              placeholder={t('setupProfiles.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="profile-search"
            />
            <Search.Clear onClick={() => setSearch('')} />
          </Search>
          <Paragraph data-size="sm" role="status">
            {t('setupProfiles.shown', { count: shown.length, total: String(state.profiles.length) })}
          </Paragraph>
        </>
      )}
      <Table data-testid="profile-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('profile.displayName')}</Table.HeaderCell>
            <Table.HeaderCell>{t('profile.orgNumber')}</Table.HeaderCell>
            <Table.HeaderCell>{t('profile.environment')}</Table.HeaderCell>
            <Table.HeaderCell>
              <span className="visually-hidden">{t('profile.activate')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {shown.map((p) => {
            const active = p.id === state.activeProfileId;
            return (
              <Table.Row key={p.id}>
                <Table.Cell>{p.displayName}</Table.Cell>
                <Table.Cell>{formatOrgNumber(p.orgNumber)}</Table.Cell>
                <Table.Cell>{t(`env.${p.environment}`)}</Table.Cell>
                <Table.Cell>
                  <div className="row">
                    {active ? (
                      <Tag data-color="success">{t('profile.active')}</Tag>
                    ) : (
                      <Button variant="secondary" data-size="sm" onClick={() => activate.mutate(p.id)}>
                        {t('profile.activate')}
                      </Button>
                    )}
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      data-color="danger"
                      onClick={() => {
                        if (window.confirm(t('profile.removeConfirm', { name: p.displayName }))) remove.mutate(p.id);
                      }}
                    >
                      {t('profile.remove')}
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
      {(activate.error ?? remove.error) && <ErrorMessage error={activate.error ?? remove.error} />}
    </section>
  );
}
