// @neo4j/graphql 7 + Apollo Server 5 over the Partner Atlas graph (any Bolt endpoint, no auth): type definitions
// equivalent to ours for what it can express (labels Entity/Actor/<label>, PARTY_TO and PARTICIPATES_IN).
// Usage: BOLT=bolt://127.0.0.1:7687 PORT=4000 node server.mjs
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const common = "id: ID! name: String! acronym: String kind: String description: String tlp: String tlpLevel: Int start: String end: String";
const actorTypes = ["Union", "Country", "Region", "Institution", "Agency", "Organisation", "Community"];
const typeDefs = `
  interface Actor { ${common} sector: String }
  ${actorTypes.map((t) => `
  type ${t} implements Actor @node(labels: ["${t}", "Entity", "Actor"]) {
    ${common} sector: String
    partyTo: [Instrument!]! @relationship(type: "PARTY_TO", direction: OUT)
    participatesIn: [Project!]! @relationship(type: "PARTICIPATES_IN", direction: OUT)
  }`).join("\n")}
  type Instrument @node(labels: ["Instrument", "Entity"]) {
    ${common} status: String
    parties: [Actor!]! @relationship(type: "PARTY_TO", direction: IN)
  }
  type Project @node(labels: ["Project", "Entity"]) {
    ${common} status: String
    participants: [Actor!]! @relationship(type: "PARTICIPATES_IN", direction: IN)
  }
`;

const driver = neo4j.driver(process.env.BOLT ?? "bolt://127.0.0.1:7687", neo4j.auth.none(), { maxConnectionPoolSize: 64 });
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4000) } });
console.log(`peer ready at ${url}`);
const stop = async () => { await server.stop(); await driver.close(); process.exit(0); };
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
