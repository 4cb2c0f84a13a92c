// The system message types and their sentences live in shared/: the HTML export reads them too.
export { JOIN_VARIANTS, joinVariant, systemKey, systemLine } from '../../../../shared/system-messages';
