// Jest stub: office-addin-mock only needs this module to exist.
export {};
