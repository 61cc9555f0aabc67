// Registers the toBeAccessible() matcher for every LWC Jest suite.
import { setup } from '@sa11y/jest';

setup();
