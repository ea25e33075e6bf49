declare namespace App {
  interface Locals {
    /** The client's address, with TRUST_PROXY applied (src/security/proxy.ts); never a client-written value. */
    clientAddress: string;
  }
}
