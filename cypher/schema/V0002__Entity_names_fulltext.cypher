// Search by name, acronym or alias (aliasText joins the aliases: full-text indexes skip list properties).
// The standard analyser without stop words keeps short names such as "EU" or "UN" findable.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.name, n.acronym, n.aliasText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}
