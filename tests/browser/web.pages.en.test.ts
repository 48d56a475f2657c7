import { checkEveryPageType } from '../support/page-types.ts';

// Every page type, in English, on a laptop and a phone: see tests/support/page-types.ts.
checkEveryPageType('en');
