import { CopyButton } from '../../components/CopyButton.tsx';

/** The four write permissions the guide asks for, in Lever's wording. */
export const WRITE_PERMISSIONS = ['Create requisitions', 'Delete requisitions', 'Update posting', 'Update requisition fields'] as const;

/** Step 1: the exact values to use when creating the Lever API key. */
export function StepApiKey() {
  return (
    <>
      <p>
        In Lever, open <strong>Settings → Integrations and API → API Credentials</strong> and generate a new key with these values. A Lever
        super admin can do it; ask your client’s Lever administrator if that is not you.
      </p>
      <table className="values-table">
        <caption className="visually-hidden">Values for the new Lever API key</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Key name</th>
            <td>
              <code className="value">ChartHop</code> <CopyButton value="ChartHop" label="key name" />
            </td>
          </tr>
          <tr>
            <th scope="row">Select a preset</th>
            <td>
              <strong>Select all read</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">Description</th>
            <td>Leave this blank</td>
          </tr>
        </tbody>
      </table>
      <p>Then enable these four write permissions, and nothing else:</p>
      <ul className="checklist" aria-label="Write permissions">
        {WRITE_PERMISSIONS.map((permission) => (
          <li key={permission}>{permission}</li>
        ))}
      </ul>
      <p className="section-hint">
        Lever shows the key once. Paste it into step 2 straight away; ReqBridge keeps it in this computer’s keychain.
      </p>
    </>
  );
}
