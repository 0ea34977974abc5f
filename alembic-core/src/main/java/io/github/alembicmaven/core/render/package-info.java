/**
 * Pictures of the revision graph: the lane layout ({@link io.github.alembicmaven.core.render.LaneLayout}, like
 * {@code git log --graph}), its text view ({@link io.github.alembicmaven.core.render.AsciiGraph}), the self-contained
 * HTML page ({@link io.github.alembicmaven.core.render.GraphHtml}) and the Mermaid and Graphviz files
 * ({@link io.github.alembicmaven.core.render.GraphText}), written together by
 * {@link io.github.alembicmaven.core.render.GraphFiles} for {@code alembic:graph}.
 */
package io.github.alembicmaven.core.render;
