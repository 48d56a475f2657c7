import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may point. A municipality's administrator types the address, and the server
 * posts to it: without rules, the address could reach what only the server can reach (the
 * database, a cloud's metadata service at 169.254.169.254, an admin interface on the intranet).
 * So it must be https, and neither the address as typed nor what its name resolves to at
 * delivery may be a loopback, link-local, private or otherwise local address. An operator may
 * name hosts (WEBHOOK_ALLOWED_HOSTS) that are exempt from both rules, e.g. a receiver inside the
 * municipality's own network.
 */
export type WebhookAddressProblem = 'webhook_not_https' | 'webhook_local_address';

const local = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  local.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  local.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is one a webhook may not reach (IPv4 written as IPv6 judged as IPv4). */
export function isLocalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isLocalAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return local.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The host of a URL as compared and looked up: lower case, an IPv6 address without brackets. */
function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

function isAllowed(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((allowed) => allowed.toLowerCase() === host);
}

/** What is wrong with the address as typed (scheme, an IP address or a local name), if anything. */
export function webhookAddressProblem(address: string, allowedHosts: readonly string[]): WebhookAddressProblem | null {
  const url = new URL(address);
  const host = hostOf(url);
  if (isAllowed(host, allowedHosts)) return null;
  if (url.protocol !== 'https:') return 'webhook_not_https';
  if (isLocalAddress(host) || host === 'localhost' || host.endsWith('.localhost')) return 'webhook_local_address';
  return null;
}

/**
 * What is wrong with the address just before a delivery: the rules above, and every address its
 * name resolves to now (a name that pointed outside when it was saved may point inside since). A
 * name that does not resolve is left for the delivery itself to fail on.
 */
export async function webhookTargetProblem(
  address: string,
  allowedHosts: readonly string[],
): Promise<WebhookAddressProblem | null> {
  const typed = webhookAddressProblem(address, allowedHosts);
  const host = hostOf(new URL(address));
  if (typed || isAllowed(host, allowedHosts) || isIP(host) !== 0) return typed;
  let resolved: Array<{ address: string }>;
  try {
    resolved = await lookup(host, { all: true });
  } catch {
    return null;
  }
  return resolved.some((r) => isLocalAddress(r.address)) ? 'webhook_local_address' : null;
}
