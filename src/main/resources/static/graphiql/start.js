// Starts GraphiQL on this service's /graphql (or the same-origin ?path=), with ?query= as the first query.
// The request id and cost headers come back on every answer (see the README's "For front-end developers").
(() => {
  const params = new URLSearchParams(window.location.search);
  const url = new URL(params.get('path') || '/graphql', window.location.origin);
  if (url.origin !== window.location.origin) {
    throw new Error('GraphiQL talks to this service only: the path must be on ' + window.location.origin);
  }
  const fetcher = GraphiQL.createFetcher({ url: url.toString() });
  const props = { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: false };
  if (params.get('query')) {
    props.query = params.get('query');
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
