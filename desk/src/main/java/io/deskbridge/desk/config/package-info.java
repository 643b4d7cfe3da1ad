/** Cross-cutting wiring: security filter chains, web plumbing, clock. Kept thin. */
package io.deskbridge.desk.config;
