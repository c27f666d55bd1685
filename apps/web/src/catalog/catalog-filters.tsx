import { type FormEvent, useEffect, useState } from 'react';
import type { CommercialUse, License } from '../api/api-types';
import { type CatalogFilters, type CatalogSort, invalidBound } from './catalog-query';
import { COMMON_TASKS, WEIGHT_FORMATS } from './known-values';

const SEARCH_DELAY_MS = 300;

/** The search box updates the results as one types (after a short pause) and on Enter. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="catalog-search" className="visually-hidden">
        Search models
      </label>
      <input
        id="catalog-search"
        type="search"
        placeholder="Search by name, description or tag"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}

const SORTS: { value: CatalogSort | ''; label: string }[] = [
  { value: '', label: 'Most recent' },
  { value: 'name', label: 'Name (A to Z)' },
  { value: 'size', label: 'Size (largest first)' },
];

export function SortSelect({ value, onChange }: { value: CatalogSort | ''; onChange: (sort: CatalogSort | '') => void }) {
  return (
    <div className="sort">
      <label htmlFor="catalog-sort">Sort by</label>
      <select id="catalog-sort" value={value} onChange={(event) => onChange(event.target.value as CatalogSort | '')}>
        {SORTS.map((sort) => (
          <option key={sort.value} value={sort.value}>
            {sort.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A free-text filter applied when the field is left or Enter is pressed, not on every key. */
function TextFilter(props: {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  list?: string;
  error?: string | undefined;
  onApply: (value: string) => void;
}) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const apply = () => text.trim() !== props.value && props.onApply(text.trim());
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        list={props.list}
        value={text}
        placeholder={props.placeholder}
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => event.key === 'Enter' && apply()}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      {props.error && (
        <span id={`${props.id}-error`} className="field-error small">
          {props.error}
        </span>
      )}
    </div>
  );
}

const COMMERCIAL: { value: CommercialUse | ''; label: string }[] = [
  { value: '', label: 'Any' },
  { value: 'yes', label: 'Allowed' },
  { value: 'conditional', label: 'Allowed with conditions' },
  { value: 'no', label: 'Not allowed' },
  { value: 'unknown', label: 'Terms unknown' },
];

const BOUND_ERROR = 'Write a number such as 350M, 7B or 1.5e9';

interface Props {
  filters: CatalogFilters;
  licenses: Map<string, License> | undefined;
  onChange: (patch: Partial<CatalogFilters>) => void;
}

export function CatalogFilterFields({ filters, licenses, onChange }: Props) {
  const sortedLicenses = [...(licenses?.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  return (
    <fieldset className="filters">
      <legend>Filters</legend>
      <div className="field">
        <label htmlFor="filter-license">License</label>
        <select id="filter-license" value={filters.license} onChange={(event) => onChange({ license: event.target.value })}>
          <option value="">Any license</option>
          {sortedLicenses.map((license) => (
            <option key={license.id} value={license.id}>
              {license.id}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-commercial">Commercial use</label>
        <select
          id="filter-commercial"
          value={filters.commercial}
          onChange={(event) => onChange({ commercial: event.target.value as CommercialUse | '' })}
        >
          {COMMERCIAL.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <TextFilter
        id="filter-task"
        label="Task"
        value={filters.task}
        placeholder="Any task"
        list="known-tasks"
        onApply={(task) => onChange({ task })}
      />
      <datalist id="known-tasks">
        {COMMON_TASKS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="field">
        <label htmlFor="filter-format">Format</label>
        <select id="filter-format" value={filters.format} onChange={(event) => onChange({ format: event.target.value })}>
          <option value="">Any format</option>
          {WEIGHT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {format}
            </option>
          ))}
        </select>
      </div>
      <div className="field-pair">
        <TextFilter
          id="filter-min-parameters"
          label="Parameters from"
          value={filters.minParameters}
          placeholder="e.g. 1B"
          error={invalidBound(filters.minParameters) ? BOUND_ERROR : undefined}
          onApply={(minParameters) => onChange({ minParameters })}
        />
        <TextFilter
          id="filter-max-parameters"
          label="to"
          value={filters.maxParameters}
          placeholder="e.g. 13B"
          error={invalidBound(filters.maxParameters) ? BOUND_ERROR : undefined}
          onApply={(maxParameters) => onChange({ maxParameters })}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          value={filters.status}
          onChange={(event) => onChange({ status: event.target.value === 'archived' ? 'archived' : '' })}
        >
          <option value="">Active</option>
          <option value="archived">Archived</option>
        </select>
      </div>
    </fieldset>
  );
}
