import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module.js';
import { authenticateRequest } from './access/auth.guard.js';
import type { RequestWithContext } from './access/decorators.js';
import { TokensService } from './access/tokens.service.js';
import { RateLimitGuard } from './access/rate-limit.guard.js';
import { formatError, errorLoggingPlugin } from './common/graphql-errors.js';
import { HttpErrorFilter } from './common/http-exception.filter.js';
import { InputValidationPipe } from './common/validation.pipe.js';
import type { AppConfig } from './config/config.schema.js';
import { DatabaseModule } from './database/database.module.js';
import { MutationTransactionInterceptor } from './database/transaction.interceptor.js';
import { HealthController } from './health.controller.js';
import { loggerParams } from './logging.js';
import { FEATURE_MODULES } from './features.js';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
}

const MAX_TOKENS = 5000;

/** Query limits (GraphQL Armor): a client cannot make one request expensive. */
function armor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    // Armor's token limit parses the document in a plugin hook, where any syntax error became an HTTP 500 (found
    // by test/reliability fuzzing): GraphQL's own parser counts tokens instead (parseOptions below).
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: 20000 },
    // Suggestions ("did you mean ...") leak the schema: off in production, where introspection is off too.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppOptions): DynamicModule {
    const production = config.NODE_ENV === 'production';
    const protection = armor(production);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot(databaseUrl, config.DATABASE_POOL_SIZE),
        TerminusModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [TokensService],
          useFactory: (tokens: TokensService) => ({
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          introspection: !production,
          graphiql: !production,
          allowBatchedHttpRequests: false,
          csrfPrevention: true,
          includeStacktraceInErrorResponses: false,
          // Deny by default at the door: no GraphQL operation (not even { __typename }) runs without a valid token.
          context: async ({ req, res }: { req: RequestWithContext; res: unknown }) => {
            await authenticateRequest(tokens, req);
            return { req, res };
          },
          formatError,
          // Apollo ships ESM and CJS typings that TypeScript sees as different types: same objects at run time.
          // No @cacheControl hints are used: without the default cache-control plugin no resolver is wrapped.
          plugins: [...protection.plugins, errorLoggingPlugin(), ApolloServerPluginCacheControlDisabled()] as never[],
          // past MAX_TOKENS the parse fails like any syntax error (HTTP 400), answered as QUERY_TOO_COMPLEX
          parseOptions: { maxLexicalTokens: MAX_TOKENS },
          validationRules: protection.validationRules as never[],
          }),
        }),
        AccessModule,
        ...FEATURE_MODULES,
      ],
      controllers: [HealthController],
      providers: [
        // GraphQL requests are authenticated in the context factory, so the tracker is the caller's token.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: MutationTransactionInterceptor },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
