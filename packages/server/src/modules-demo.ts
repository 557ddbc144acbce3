// Each module that adds demo records registers its seeder by being imported here.
export {};
