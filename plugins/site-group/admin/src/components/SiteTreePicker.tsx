/**
 * The site-tree picker: the cluster's sites nested as on the server (`GET /site-group/site-tree`), in
 * one of two modes:
 * - `site`: choose one site (the owning site). Only sites the editor acts for (`mine`) can be chosen,
 *   so no free-text code is ever typed;
 * - `columns`: tick columns of any number of sites (placement targets), each site opened to its
 *   columns; columns that take no placements (smart and link columns) are shown but not tickable.
 *
 * Self-contained on purpose (props in, callbacks out, no fetching): it is meant to move to the shared
 * admin package later. The filter box matches names and codes, in Chinese and Tibetan alike.
 */
import * as React from 'react';
import { Badge, Box, Checkbox, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { ChevronDown, ChevronRight, Search } from '@strapi/icons';

export interface PickerColumn {
  slug: string;
  name: string;
  placeable: boolean;
  children: PickerColumn[];
}

export interface PickerSite {
  code: string;
  name: string;
  level: string;
  mine: boolean;
  columns: PickerColumn[];
  children: PickerSite[];
}

/** A ticked column: `site/column`. */
export const targetKey = (site: string, column: string) => `${site}/${column}`;

interface Labels {
  filter: string;
  mine: string;
  noMatch: string;
  expand: string;
  collapse: string;
}

type Props =
  | { mode: 'site'; sites: PickerSite[]; value: string | null; onChange: (code: string) => void; labels: Labels; selectable?: (site: PickerSite) => boolean }
  | {
      mode: 'columns';
      sites: PickerSite[];
      value: Set<string>;
      onChange: (next: Set<string>) => void;
      labels: Labels;
      selectable?: (site: PickerSite) => boolean;
    };

const flatColumns = (columns: PickerColumn[], depth = 0): { column: PickerColumn; depth: number }[] =>
  columns.flatMap((column) => [{ column, depth }, ...flatColumns(column.children, depth + 1)]);

/** Whether a site or anything below it matches the filter (then its path stays visible). */
const matches = (site: PickerSite, needle: string): boolean =>
  !needle ||
  site.name.toLowerCase().includes(needle) ||
  site.code.includes(needle) ||
  flatColumns(site.columns).some(({ column }) => column.name.toLowerCase().includes(needle)) ||
  site.children.some((child) => matches(child, needle));

export const SiteTreePicker = (props: Props) => {
  const { sites, labels } = props;
  const [filter, setFilter] = React.useState('');
  // Open by default: the first two levels (the prefecture and its counties).
  const [closed, setClosed] = React.useState<Set<string>>(new Set());
  const [openColumns, setOpenColumns] = React.useState<Set<string>>(new Set());
  const needle = filter.trim().normalize('NFC').toLowerCase();
  const canPick = (site: PickerSite) => (props.selectable ? props.selectable(site) : site.mine);

  const toggle = (set: Set<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  const renderSite = (site: PickerSite, depth: number): React.ReactNode => {
    if (!matches(site, needle)) return null;
    const open = needle ? true : !closed.has(site.code);
    const pickable = canPick(site);
    // With a filter, a site's columns open only where the site itself or one of its columns matches
    // (not for an ancestor shown only as the path to a match).
    const selfMatch = Boolean(needle) && (site.name.toLowerCase().includes(needle) || site.code.includes(needle) || flatColumns(site.columns).some(({ column }) => column.name.toLowerCase().includes(needle)));
    const columnsOpen = props.mode === 'columns' && (openColumns.has(site.code) || selfMatch);
    const ticked = props.mode === 'columns' ? flatColumns(site.columns).filter(({ column }) => props.value.has(targetKey(site.code, column.slug))).length : 0;
    return (
      <li key={site.code} role="treeitem" aria-expanded={site.children.length ? open : undefined} aria-selected={props.mode === 'site' ? props.value === site.code : undefined}>
        <Flex gap={1} paddingLeft={depth * 3} paddingTop={1} paddingBottom={1} alignItems="center">
          {site.children.length ? (
            <IconButton
              variant="ghost"
              size="XS"
              label={open ? labels.collapse : labels.expand}
              onClick={() => setClosed((c) => toggle(c, site.code))}
              withTooltip={false}
            >
              {open ? <ChevronDown /> : <ChevronRight />}
            </IconButton>
          ) : (
            <Box width="2.4rem" />
          )}
          {props.mode === 'site' ? (
            <Box
              tag="button"
              type="button"
              disabled={!pickable}
              onClick={() => pickable && props.onChange(site.code)}
              data-site={site.code}
              padding={1}
              hasRadius
              background={props.value === site.code ? 'primary100' : 'transparent'}
              style={{ border: 0, cursor: pickable ? 'pointer' : 'default', textAlign: 'left' }}
            >
              <Typography textColor={pickable ? 'neutral800' : 'neutral500'} fontWeight={props.value === site.code ? 'bold' : 'regular'}>
                {site.name}
              </Typography>
            </Box>
          ) : (
            <Box
              tag="button"
              type="button"
              data-site={site.code}
              onClick={() => setOpenColumns((c) => toggle(c, site.code))}
              padding={1}
              style={{ border: 0, background: 'transparent', cursor: 'pointer', textAlign: 'left' }}
            >
              <Typography textColor="neutral800">{site.name}</Typography>
            </Box>
          )}
          {site.mine ? <Badge>{labels.mine}</Badge> : null}
          {ticked ? <Badge active>{ticked}</Badge> : null}
        </Flex>
        {columnsOpen && props.mode === 'columns' ? (
          <ul role="group" data-columns-of={site.code}>
            {flatColumns(site.columns).map(({ column, depth: d }) => {
              const key = targetKey(site.code, column.slug);
              const enabled = column.placeable && canPick(site);
              return (
                <li key={key}>
                  <Box paddingLeft={(depth + 2) * 3 + d * 3} paddingTop={1} paddingBottom={1}>
                    <Checkbox
                      name={key}
                      disabled={!enabled}
                      checked={props.value.has(key)}
                      onCheckedChange={(checked) => {
                        const next = new Set(props.value);
                        if (checked) next.add(key);
                        else next.delete(key);
                        props.onChange(next);
                      }}
                    >
                      {column.name}
                    </Checkbox>
                  </Box>
                </li>
              );
            })}
          </ul>
        ) : null}
        {open && site.children.length ? <ul role="group">{site.children.map((child) => renderSite(child, depth + 1))}</ul> : null}
      </li>
    );
  };

  const rendered = sites.map((site) => renderSite(site, 0)).filter(Boolean);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <TextInput
        aria-label={labels.filter}
        placeholder={labels.filter}
        startAction={<Search />}
        value={filter}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFilter(e.target.value)}
      />
      <Box maxHeight="40rem" overflow="auto">
        {rendered.length ? (
          <ul role="tree">{rendered}</ul>
        ) : (
          <Typography variant="pi" textColor="neutral600">
            {labels.noMatch}
          </Typography>
        )}
      </Box>
    </Flex>
  );
};
