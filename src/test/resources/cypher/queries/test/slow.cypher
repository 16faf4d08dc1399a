// A statement that runs for many seconds (a long count over a generated range), to meet the transaction timeout.
// Parameters: $grants (unused: the read gateway always passes them).
UNWIND range(1, 2000000000) AS x
WITH x
WHERE x % 7 = 99
RETURN count(x) AS n
