/**
 * The Explorer: the web page at {@code /} (static ES modules under {@code static/}, Cytoscape.js from WebJars) that
 * outreach staff use to find, see and follow who connects to whom. It is a client of the public {@code /graphql}
 * endpoint like any other; this module only serves it: its Content-Security-Policy and the little configuration the
 * page needs before it can sign in (the access mode and, in {@code oidc} mode, the issuer and the page's client id).
 * <p>
 * Uses nothing else in the application.
 */
@NullMarked
package org.partneratlas.explorer;

import org.jspecify.annotations.NullMarked;
