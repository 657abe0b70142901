/** Host names as the user must read them before confirming: one per line, in code type, nothing shortened. */
export function HostList({ hosts }: { hosts: readonly string[] }) {
  return (
    <ul>
      {hosts.map((host) => (
        <li key={host}>
          <code>{host}</code>
        </li>
      ))}
    </ul>
  );
}
