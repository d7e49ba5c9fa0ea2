import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Prisma's native engines cannot be downloaded on our machines, so the CLI runs its
// JavaScript schema engine through the pg driver adapter (see docs/decisions.md).
function adapterFromUrl(url: string) {
  const u = new URL(url);
  return new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
  });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL must be set for Prisma CLI commands that touch a database");
    return adapterFromUrl(url);
  },
});
