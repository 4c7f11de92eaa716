import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import { fetchDemoTokens } from './session';

type Params = Record<string, unknown>;

let initialHeaders: Record<string, string> = {};

/**
 * GraphiQL from the service's own assets; outside production with the demo ADMIN token in the
 * headers (also sent with the schema's introspection, before the headers editor is ready).
 */
async function fetcher(params: Params, options?: { headers?: Record<string, string> }): Promise<unknown> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers ?? initialHeaders) },
    body: JSON.stringify(params),
  });
  return response.json();
}

const DEFAULT_QUERY = `# The demo ADMIN token is in the Headers tab below (outside production only).
query RecruiterJobs {
  jobs(search: "tester", first: 5) {
    totalCount
    edges { node { id title requirements { level mandatory skill { name } } } }
  }
}
`;

void fetchDemoTokens().then((tokens) => {
  const admin = tokens.find((t) => t.role === 'ADMIN');
  if (admin) initialHeaders = { Authorization: `Bearer ${admin.token}` };
  const headers = admin ? JSON.stringify(initialHeaders, null, 2) : '{\n  "Authorization": "Bearer <token>"\n}';
  createRoot(document.getElementById('graphiql')!).render(
    <GraphiQL fetcher={fetcher as never} defaultQuery={DEFAULT_QUERY} headers={headers} defaultHeaders={headers} shouldPersistHeaders={false} defaultEditorToolsVisibility="headers" />,
  );
});
