/* vigia-status-badge.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The word of the status ("en marcha") on a pill of the status's colour,
 * the colours the charts use (style.css, style-dark.css): never colour
 * alone.  The style class is the status's nick ("partly-kept").
 */
#define G_LOG_DOMAIN "vigia-status-badge"

#include "config.h"

#include "vigia-status-badge.h"

struct _VigiaStatusBadge
{
  GtkWidget    parent_instance;

  GtkWidget   *label;
  VigiaStatus  status;
};

G_DEFINE_FINAL_TYPE (VigiaStatusBadge, vigia_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update (VigiaStatusBadge *self)
{
  for (VigiaStatus s = 0; s < VIGIA_N_STATUSES; s++)
    {
      const char *nick = vigia_enum_to_nick (VIGIA_TYPE_STATUS, s);

      if (s == self->status)
        gtk_widget_add_css_class (GTK_WIDGET (self), nick);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), nick);
    }
  gtk_label_set_text (GTK_LABEL (self->label), vigia_status_get_label (self->status));
}

static void
vigia_status_badge_dispose (GObject *object)
{
  VigiaStatusBadge *self = (VigiaStatusBadge *)object;

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (vigia_status_badge_parent_class)->dispose (object);
}

static void
vigia_status_badge_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigiaStatusBadge *self = VIGIA_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_status_badge_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigiaStatusBadge *self = VIGIA_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      vigia_status_badge_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_status_badge_class_init (VigiaStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_status_badge_dispose;
  object_class->get_property = vigia_status_badge_get_property;
  object_class->set_property = vigia_status_badge_set_property;

  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, VIGIA_TYPE_STATUS, VIGIA_STATUS_NOT_RATED,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "status-badge");
}

static void
vigia_status_badge_init (VigiaStatusBadge *self)
{
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update (self);
}

GtkWidget *
vigia_status_badge_new (VigiaStatus status)
{
  return g_object_new (VIGIA_TYPE_STATUS_BADGE, "status", status, NULL);
}

VigiaStatus
vigia_status_badge_get_status (VigiaStatusBadge *self)
{
  g_return_val_if_fail (VIGIA_IS_STATUS_BADGE (self), VIGIA_STATUS_NOT_RATED);
  return self->status;
}

void
vigia_status_badge_set_status (VigiaStatusBadge *self,
                               VigiaStatus       status)
{
  g_return_if_fail (VIGIA_IS_STATUS_BADGE (self));
  g_return_if_fail (status < VIGIA_N_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * vigia_status_badge_get_label:
 *
 * Returns: the word shown
 */
const char *
vigia_status_badge_get_label (VigiaStatusBadge *self)
{
  g_return_val_if_fail (VIGIA_IS_STATUS_BADGE (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->label));
}
