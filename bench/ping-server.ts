// A bare Fastify server with one route, as the baseline of the HTTP benchmark.
import Fastify from "fastify";

const app = Fastify();
app.get("/ping", async () => ({ pong: true }));
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
console.log(`http://localhost:${typeof address === "object" && address ? address.port : 0}`);
