// Jest for the Lightning web components in force-app (npm run test:lwc).
import sfdxLwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = sfdxLwcJest;

export default {
    ...jestConfig,
    testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.js'],
    modulePathIgnorePatterns: [
        '<rootDir>/preview/dist/',
        '<rootDir>/cw-migrate-demo/'
    ],
    setupFilesAfterEnv: [
        ...(jestConfig.setupFilesAfterEnv || []),
        '<rootDir>/force-app/test/jest-sa11y-setup.js'
    ]
};
