/** Everything this project knows about instagram.com's markup and data (FACTS.md §4). */
export const IG_NETWORK = { dataPaths: ['/api/v1/users/web_profile_info/', '/api/graphql', '/graphql/query'] } as const;
