/**
 * Zendesk's wire format shared by every capability: the error bodies and the exception types that
 * map onto them. Depends on nothing else in desk.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.deskbridge.desk.api;
