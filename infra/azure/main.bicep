// Esper Serverless on Azure: the request-decision API as an Azure Functions app (Linux, Flex Consumption,
// .NET 10 isolated worker) with its state in one Azure Storage table, monitored by Application Insights.
// Deploy: az deployment group create --resource-group <rg> --template-file infra/azure/main.bicep

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Name prefix of the resources (letters and digits, 3-11 characters).')
@minLength(3)
@maxLength(11)
param appName string = 'esper'

@description('Name of the table that holds every Esper item.')
@minLength(3)
@maxLength(63)
param tableName string = 'esper'

@description('Requests one Esper API key may make per minute across all instances (0 disables the limit).')
@minValue(0)
param keyRateLimitPerMinute int = 1200

@description('When decisions are recorded: after_answer (one store round trip per decision, with a journal) or before_answer.')
@allowed([
  'after_answer'
  'before_answer'
])
param recording string = 'after_answer'

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of one instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Bearer token for tenant management (POST /api/v1/tenants); empty turns tenant management off.')
@secure()
param operatorToken string = ''

@description('Admin API key given to the default tenant on first start (esk_default_ followed by 48 hex digits).')
@secure()
param bootstrapAdminKey string = ''

@description('Required iss of operator sign-in tokens (ESPER_JWT_ISSUER); needed with jwtSigningKey or jwtJwksUrl.')
param jwtIssuer string = ''

@description('Required aud of operator sign-in tokens (ESPER_JWT_AUDIENCE); needed with jwtSigningKey or jwtJwksUrl.')
param jwtAudience string = ''

@description('PEM public key (RSA or EC), or an HS256 shared secret of at least 32 characters, that signs operator tokens (ESPER_JWT_SIGNING_KEY). Empty with an empty jwtJwksUrl turns operator sign-in off.')
@secure()
param jwtSigningKey string = ''

@description('The identity provider\'s JWKS document (https) whose keys sign operator tokens (ESPER_JWT_JWKS_URL).')
param jwtJwksUrl string = ''

@description('How far a token\'s exp and nbf may be off the app\'s clock, in seconds (ESPER_JWT_CLOCK_SKEW_SECONDS).')
@minValue(0)
@maxValue(600)
param jwtClockSkewSeconds int = 60

var suffix = uniqueString(resourceGroup().id, appName)
var storageAccountName = take(toLower('${appName}${suffix}'), 24)
var deploymentContainer = 'app-package'

// Built-in role definition ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app reaches storage with its managed identity only.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource table 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: tableName
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs-${suffix}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-insights-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan-${suffix}'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${appName}-${suffix}'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The Functions host's own storage, through the managed identity.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        // Esper's settings (see functions/Esper.Functions.Azure/local.settings.example.json).
        {
          name: 'ESPER_STORE'
          value: 'azuretables'
        }
        {
          name: 'ESPER_AZURE_TABLES_ENDPOINT'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'ESPER_AZURE_TABLES_TABLE'
          value: table.name
        }
        {
          name: 'ESPER_RATE_LIMIT_PER_MINUTE'
          value: string(keyRateLimitPerMinute)
        }
        {
          name: 'ESPER_RECORDING'
          value: recording
        }
        {
          name: 'ESPER_OPERATOR_TOKEN'
          value: operatorToken
        }
        {
          name: 'ESPER_BOOTSTRAP_ADMIN_KEY'
          value: bootstrapAdminKey
        }
        // Operator sign-in (docs/operators.md). The development issuer (ESPER_JWT_DEV_SECRET) is never deployed.
        {
          name: 'ESPER_JWT_ISSUER'
          value: jwtIssuer
        }
        {
          name: 'ESPER_JWT_AUDIENCE'
          value: jwtAudience
        }
        {
          name: 'ESPER_JWT_SIGNING_KEY'
          value: jwtSigningKey
        }
        {
          name: 'ESPER_JWT_JWKS_URL'
          value: jwtJwksUrl
        }
        {
          name: 'ESPER_JWT_CLOCK_SKEW_SECONDS'
          value: string(jwtClockSkewSeconds)
        }
      ]
    }
  }
}

// Least privilege: blobs for the host's storage and the deployment package, table data only on Esper's table.
resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(table.id, app.id, storageTableDataContributor)
  scope: table
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, app.id, monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Base URL of the Esper API (paths start with /api/v1/).')
output apiUrl string = 'https://${app.properties.defaultHostName}'

@description('Name of the Function App (for `func azure functionapp publish` or zip deploy).')
output functionAppName string = app.name

@description('Name of the storage account that holds the Esper table.')
output storageAccountName string = storage.name
