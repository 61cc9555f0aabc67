// The plugin adds the sf-plugin rules (message bundles, flag and command conventions).
module.exports = {
  root: true,
  extends: ['eslint-config-salesforce-typescript', 'plugin:sf-plugin/recommended'],
  parserOptions: {
    project: ['./tsconfig.json', './test/tsconfig.json'],
    tsconfigRootDir: __dirname,
  },
  rules: {
    header: 'off',
    // Salesforce API names (CW_Id__c) and ConnectWise keys (_info) are not ours to rename.
    camelcase: 'off',
    'no-underscore-dangle': ['error', { allow: ['_info'] }],
  },
  ignorePatterns: ['lib/**', 'node_modules', '*.cjs'],
};
