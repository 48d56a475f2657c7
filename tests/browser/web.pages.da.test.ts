import { checkEveryPageType } from '../support/page-types.ts';

// Every page type, in Danish, on a laptop and a phone: see tests/support/page-types.ts.
checkEveryPageType('da');
