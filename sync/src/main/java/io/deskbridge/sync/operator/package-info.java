/**
 * The operators of sync: who may sign in to the web UI and call the REST API. The first start on an
 * empty database creates one.
 */
package io.deskbridge.sync.operator;
