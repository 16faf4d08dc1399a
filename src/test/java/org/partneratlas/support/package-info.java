/** Shared test harness: one in-process Neo4j per JVM, the application on it, a GraphQL client over HTTP. */
package org.partneratlas.support;
