/**
 * Zendesk's two pagination styles, shared by every list endpoint: offset ({@code page},
 * {@code per_page}, {@code next_page}/{@code previous_page}/{@code count}) and cursor
 * ({@code page[size]}, {@code page[after]}/{@code page[before]}, {@code meta}, {@code links}), with
 * opaque, signed cursors.
 *
 * <p>{@link io.deskbridge.desk.pagination.Pager#page} reads the request, asks a list's
 * {@link io.deskbridge.desk.pagination.Pager.Source} for a typed {@link io.deskbridge.desk.pagination.PageQuery}
 * and answers with a {@link io.deskbridge.desk.pagination.Page}: rows plus the
 * {@link io.deskbridge.desk.pagination.Paging} fields each resource's envelope record unwraps beside its
 * array. Every list passes a typed {@code PageQuery} to its repository; {@code PageQuery}'s SQL helpers
 * ({@code orderBySql}, {@code boundarySql}, {@code orderAndWindowSql}) are public only because the
 * repositories live in their capabilities' packages, and only classes named {@code *Repository} call
 * them (ArchitectureRulesTests).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.deskbridge.desk.pagination;
