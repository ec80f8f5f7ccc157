provider "aws" {
  region = "cn-north-1"
}

variable "filing_from_pipeline" {
  type = string # no default
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  aliases = ["www.example-operator.cn"]
  origin {
    domain_name = "origin.example-operator.cn"
    origin_id   = "web"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    forwarded_values {
      query_string = false
      cookies { forward = "none" }
    }
  }
  restrictions {
    geo_restriction { restriction_type = "none" }
  }
  viewer_certificate {
    iam_certificate_id = "ASCA0000000000000000"
    ssl_support_method = "sni-only"
  }
  tags = { icp-filing = "京ICP备2024000001号-1" }
}

resource "aws_lb" "public" {
  name               = "web-public"
  load_balancer_type = "application"
  subnets            = ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002"]
}

resource "aws_lb" "private" {
  name               = "web-private"
  internal           = true
  load_balancer_type = "application"
  subnets            = ["subnet-0bbb0000000000001", "subnet-0bbb0000000000002"]
}

resource "aws_lb_listener" "public_https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws-cn:iam::111122223333:server-certificate/web"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener" "private_http" {
  load_balancer_arn = aws_lb.private.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "shop" {
  listener_arn = aws_lb_listener.public_https.arn
  action {
    type             = "forward"
    target_group_arn = "arn:aws-cn:elasticloadbalancing:cn-north-1:111122223333:targetgroup/shop/0000000000000001"
  }
  condition {
    host_header { values = ["shop.example-operator.cn"] }
  }
}

resource "aws_lb_listener_rule" "admin" {
  listener_arn = aws_lb_listener.private_http.arn
  action {
    type             = "forward"
    target_group_arn = "arn:aws-cn:elasticloadbalancing:cn-north-1:111122223333:targetgroup/admin/0000000000000002"
  }
  condition {
    host_header { values = ["admin.corp.internal"] }
  }
}

resource "aws_lb_listener_rule" "blog" {
  listener_arn = aws_lb_listener.public_https.arn
  action {
    type             = "forward"
    target_group_arn = "arn:aws-cn:elasticloadbalancing:cn-north-1:111122223333:targetgroup/blog/0000000000000003"
  }
  condition {
    host_header { values = ["blog.example-operator.cn"] }
  }
  tags = { icp-filing = var.filing_from_pipeline }
}
