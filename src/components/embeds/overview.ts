// What the two charts comparing the sell-offs share: the episodes they can draw.

export const episodeIds = (data: { episodes: { episodes: readonly { id: string }[] } }) => data.episodes.episodes.map((episode) => episode.id);
