/** A found record's page: the registry's one address rule. */
export { recordPagePath as recordPath } from '../../../../shared/record-pages';
