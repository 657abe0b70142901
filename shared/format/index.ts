/**
 * The one place dates, amounts and identifiers become text a person reads: the renderer, the CLI, notifications
 * and the rule messages in shared/ all format through here, so "13 000 kr" and "5. februar 2026" look the same
 * everywhere. Machine output (JSON, CSV, XML) keeps the raw values.
 */
export { formatDate, formatDateTime, formatMonth } from './dates';
export { formatCount, formatDecimal, formatKroner, formatPercent } from './numbers';
export { formatAccountNumber, formatCompany, formatOrgNumber, maskPersonalNumber } from './identifiers';
export { languageOf } from './words';
