// Lint the way Salesforce CLI plugins do: the salesforce-typescript rules (the plugin workspace
// adds the sf-plugin ones in plugin/.eslintrc.cjs).
module.exports = {
  root: true,
  extends: ['eslint-config-salesforce-typescript'],
  parserOptions: {
    project: ['./test/tsconfig.json'],
    tsconfigRootDir: __dirname,
  },
  rules: {
    // This project carries no per-file licence header.
    header: 'off',
    // Salesforce API names (CW_Id__c) and ConnectWise keys (_info) are not ours to rename.
    camelcase: 'off',
    'no-underscore-dangle': ['error', { allow: ['_info'] }],
  },
  ignorePatterns: ['**/lib/**', 'node_modules', '**/*.cjs', 'cw-migrate-demo/**'],
};
