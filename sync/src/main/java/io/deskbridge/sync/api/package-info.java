/**
 * The REST API's wire format shared by every capability: Zendesk-shaped error bodies and the
 * exception types that map onto them. Depends on nothing else in sync.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.deskbridge.sync.api;
