// Problem codes (the registry) and the linter controls (severity overrides, suppression comments).
export * from './registry';
export * from './policy';
