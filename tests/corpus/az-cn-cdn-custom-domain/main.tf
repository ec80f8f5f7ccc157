provider "azurerm" {
  features {}
  environment = "china"
}

resource "azurerm_cdn_profile" "web" {
  name                = "cdn-web"
  location            = "chinaeast2"
  resource_group_name = "rg-web"
  sku                 = "Standard_ChinaCdn"
}

resource "azurerm_cdn_endpoint" "web" {
  name                = "op-web"
  profile_name        = azurerm_cdn_profile.web.name
  location            = "chinaeast2"
  resource_group_name = "rg-web"
  origin {
    name      = "origin"
    host_name = "origin.example-operator.cn"
  }
  tags = { icp-filing = "京ICP备2024000001号-1" }
}

resource "azurerm_cdn_endpoint" "promo" {
  name                = "op-promo"
  profile_name        = azurerm_cdn_profile.web.name
  location            = "chinaeast2"
  resource_group_name = "rg-web"
  origin {
    name      = "origin"
    host_name = "origin.example-operator.cn"
  }
}

# The custom-domain binding has no tags: it takes the endpoint's.
resource "azurerm_cdn_endpoint_custom_domain" "www" {
  name            = "www"
  cdn_endpoint_id = azurerm_cdn_endpoint.web.id
  host_name       = "www.example-operator.cn"
}

resource "azurerm_cdn_endpoint_custom_domain" "promo" {
  name            = "promo"
  cdn_endpoint_id = azurerm_cdn_endpoint.promo.id
  host_name       = "promo.partner-brand.cn"
}

resource "azurerm_dns_cname_record" "www" {
  name                = "www"
  zone_name           = "example-operator.cn"
  resource_group_name = "rg-dns"
  ttl                 = 300
  record              = "op-web.azureedge.cn"
  tags                = { icp-filing = "京ICP备2024000001号-1" }
}
