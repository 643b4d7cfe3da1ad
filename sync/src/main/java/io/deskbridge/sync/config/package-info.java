/** Cross-cutting wiring: security filter chains, error rendering, clock. Kept thin. */
package io.deskbridge.sync.config;
