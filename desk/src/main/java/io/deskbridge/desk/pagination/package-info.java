/**
 * Zendesk's two pagination styles, shared by every list endpoint: offset ({@code page},
 * {@code per_page}, {@code next_page}/{@code previous_page}/{@code count}) and cursor
 * ({@code page[size]}, {@code page[after]}/{@code page[before]}, {@code meta}, {@code links}), with
 * opaque, signed cursors.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.deskbridge.desk.pagination;
