export declare const LOWEST_NICENESS: 19;
export declare function yieldCpu(niceness: number): void;
export declare function lastAllowedCpu(): string | undefined;
